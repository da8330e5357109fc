//! backchannel-brat.
