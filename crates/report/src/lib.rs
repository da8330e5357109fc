//! backchannel-report.
