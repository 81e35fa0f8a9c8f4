-- The district's configuration that stations download (GET /v1/stations/<id>/<kind>), and
-- the union's replies to wishes. Documents are stored whole, as the CLI validated them;
-- entries that name stations are served only to those.
CREATE TABLE pull_documents (
  kind          text PRIMARY KEY CHECK (kind IN ('notices', 'stewards', 'words')),
  -- The set-* file after validation: entries carry an optional "stations" list.
  document      jsonb NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE wish_replies (
  id            bigserial PRIMARY KEY,
  station_id    text NOT NULL REFERENCES stations (id),
  -- The station's id of the wish (its uid, 32 hex), as the wish producer sent it.
  wish_id       text NOT NULL CHECK (wish_id ~ '^[0-9a-f]{32}$'),
  text          text NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
  author        text NOT NULL CHECK (length(author) BETWEEN 1 AND 80),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wish_replies_station ON wish_replies (station_id, id);
