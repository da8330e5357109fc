//! backchannel-store.
