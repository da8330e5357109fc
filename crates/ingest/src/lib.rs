//! backchannel-ingest.
