-- The fleet dashboard: its sign-in tokens and sessions (in the database, so several collector
-- processes share them), which wall notes the union has read, replies typed on the dashboard,
-- and an index for the dashboard's reads of one kind over recent days.
CREATE INDEX items_kind_produced ON items (kind, produced_at);

CREATE TABLE dashboard_tokens (
  id          bigserial PRIMARY KEY,
  -- Who holds it, as given to `npm run collector -- dashboard-token NAME`; shown as a reply's author.
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  -- SHA-256 of the token; the token itself is printed once and kept nowhere.
  token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

CREATE TABLE dashboard_sessions (
  -- SHA-256 of the session cookie's value.
  id_hash     bytea PRIMARY KEY CHECK (length(id_hash) = 32),
  token_id    bigint NOT NULL REFERENCES dashboard_tokens (id),
  -- Sent back in every form of this session; a POST without it changes nothing.
  csrf        text NOT NULL CHECK (length(csrf) >= 32),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX dashboard_sessions_expires ON dashboard_sessions (expires_at);

-- A wall note the union has read (or replied to): it leaves the dashboard's unread list.
CREATE TABLE wish_reads (
  station_id  text NOT NULL REFERENCES stations (id),
  wish_id     text NOT NULL CHECK (wish_id ~ '^[0-9a-f]{32}$'),
  read_by     text NOT NULL,
  read_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, wish_id)
);

-- Replies typed on the dashboard, kept until the replies that go down to stations are
-- stored by `addWishReply` of the pull side; then this table is folded into that one.
CREATE TABLE dashboard_wish_replies (
  id          bigserial PRIMARY KEY,
  station_id  text NOT NULL REFERENCES stations (id),
  wish_id     text NOT NULL CHECK (wish_id ~ '^[0-9a-f]{32}$'),
  text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
  author      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dashboard_wish_replies_wish ON dashboard_wish_replies (station_id, wish_id);
