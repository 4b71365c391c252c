-- Bearer tokens of API callers. Only the SHA-256 of a token is kept: a leaked table grants no access.

create table api_token (
    token_hash  text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    name        text not null,
    role        text not null check (role in ('REGULATOR', 'OPERATOR', 'CUSTOMS', 'AUDITOR', 'PUBLIC')),
    -- operators act for exactly one operator; no other role acts for one
    operator_id text null references operator (id),
    created_at  timestamptz not null,
    check ((role = 'OPERATOR') = (operator_id is not null))
);
