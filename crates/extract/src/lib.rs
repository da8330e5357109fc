//! backchannel-extract.
