-- The process that runs a capture job. It holds an advisory lock for as long as it lives, so that a job whose
-- process died (killed, crashed) can be told from one still running, and ended as interrupted.
alter table capture_job add column runner text;
