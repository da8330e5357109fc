//! backchannel-segment.
