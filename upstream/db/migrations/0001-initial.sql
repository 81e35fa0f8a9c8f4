-- Stations and their keys, request nonces (replay protection shared by every collector
-- process on this database), and the summary items the stations sent.
CREATE TABLE stations (
  id            text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_.-]{1,64}$'),
  -- The 32-byte HMAC key; printed once by add-station, never again.
  key           bytea NOT NULL CHECK (length(key) = 32),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz
);

CREATE TABLE request_nonces (
  station_id    text NOT NULL REFERENCES stations (id),
  nonce         text NOT NULL,
  -- The request's signed `created` time; nonces older than the skew window are pruned.
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (station_id, nonce)
);
CREATE INDEX request_nonces_created ON request_nonces (created_at);

CREATE TABLE items (
  -- Arrival order across all stations.
  seq            bigserial PRIMARY KEY,
  -- '<station id>/<kind>/<period or event>': one row per key, whatever is resent.
  key            text NOT NULL UNIQUE,
  station_id     text NOT NULL REFERENCES stations (id),
  kind           text NOT NULL,
  schema_version integer NOT NULL,
  produced_at    timestamptz NOT NULL,
  received_at    timestamptz NOT NULL DEFAULT now(),
  payload        jsonb NOT NULL
);
CREATE INDEX items_station_kind ON items (station_id, kind, seq);
