-- Tokens with a life cycle: an id to name a token by (never its secret), an expiry, the last use (written at most
-- about once a minute per token, not with every request) and a revocation with who revoked it.
alter table api_token
    add column id          text,
    add column expires_at  timestamptz,
    add column last_used_at timestamptz,
    add column revoked_at  timestamptz,
    add column revoked_by  text;

update api_token set id = 'tok_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16);

-- operators' tokens issued before expiry existed would otherwise stay valid for ever: they get the default lifetime
-- from now
update api_token set expires_at = now() + interval '90 days' where role = 'OPERATOR';

alter table api_token
    alter column id set not null,
    add constraint api_token_id_unique unique (id),
    add constraint api_token_id_form check (id ~ '^tok_[0-9a-f]{16}$'),
    add constraint api_token_revocation check ((revoked_at is null) = (revoked_by is null)),
    add constraint api_token_expiry check (expires_at is null or expires_at > created_at);

-- What the PUBLIC role may read of the registry beyond what a buyer needs to check a certificate (operators' and
-- facilities' ids, names, kinds and countries), as the regulator set it. Every setting is a new row, so the latest
-- row is the setting in force and the rows before it are its audit trail; no row means everything closed.
create table public_disclosure (
    seq         bigint generated always as identity primary key,
    opened      text[] not null,
    changed_by  text not null,
    changed_at  timestamptz not null
);
