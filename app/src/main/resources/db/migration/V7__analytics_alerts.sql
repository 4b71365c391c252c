-- Alerts of the enforcement analytics (DESIGN section 7) beside those of the FLAG rules, in the same table with the
-- same audit trail. An analytics finding is about a facility, a lot or a trade flow and a month rather than one
-- event: its event columns are optional, its figures and the events behind them are kept as evidence, and its
-- key (kind, subject, period) makes seeing the same finding again a no-op.

alter table alert add column source text not null default 'RULE' check (source in ('RULE', 'ANALYTICS'));
alter table alert add column kind text;
alter table alert add column subject text;
alter table alert add column period text;
alter table alert add column figures jsonb;
alter table alert add column events text[];
alter table alert add column finding_key text;

alter table alert alter column event_seq drop not null;
alter table alert alter column facility_id drop not null;
alter table alert alter column operator_id drop not null;
alter table alert drop constraint if exists alert_outcome_check;
alter table alert add constraint alert_outcome_check check (outcome in ('FAILED', 'ERROR', 'FINDING'));

alter table alert add constraint alert_analytics_complete check (
    source = 'RULE' or (kind is not null and subject is not null and period is not null and finding_key is not null));

create unique index alert_finding_key on alert (finding_key) where finding_key is not null;
create index alert_source on alert (source, id);
