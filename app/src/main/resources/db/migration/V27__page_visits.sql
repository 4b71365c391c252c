-- When each person last opened the morning page, so that "new since your last visit" survives a restart. A person
-- is their role and sign-in token's id (or, without a token, their name).
create table page_visit (
    person     text primary key,
    visited_at timestamptz not null
);
