//! backchannel-analyze.
