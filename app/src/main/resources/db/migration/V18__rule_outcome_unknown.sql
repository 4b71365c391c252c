-- A rule whose law could not be established at the event's time (a suspension ended with nothing published on what
-- follows, an amendment whose text was not seen) comes out UNKNOWN: it never blocks and never passes, it is raised
-- as an alert asking to confirm with the authority.
alter table alert drop constraint if exists alert_outcome_check;
alter table alert add constraint alert_outcome_check check (outcome in ('FAILED', 'UNKNOWN', 'ERROR', 'FINDING'));
