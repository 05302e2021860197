-- Issue 13: a new code replaces the earlier messages of its flow that are not yet sent (they become
-- SUPERSEDED, which is not a failure), and never arrives before one still in flight.
alter table outbound_message add column supersedes boolean default false not null;
