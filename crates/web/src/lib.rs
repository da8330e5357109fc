//! backchannel-web.
