-- 0017_papi_benchmark.sql: published provincial PAPI scores imported with
-- `xaso papi benchmark import` (papi::BenchmarkRepository), beside the ones compiled in from
-- data/papi/benchmark_*.csv, so a new wave needs no rebuild. National figures shared by every
-- commune: commune_id is always 0 (national), as for the national rows of calendar_override.
-- One row per published sub-dimension score; a blank (unpublished) cell has no row. The
-- dimensions and the aggregate are derived when read, never stored. An import replaces every
-- (province, year) it contains in one transaction.
CREATE TABLE papi_benchmark (
  commune_id BIGINT NOT NULL DEFAULT 0 CHECK (commune_id = 0),
  province TEXT NOT NULL CHECK (length(province) > 0),
  year INTEGER NOT NULL CHECK (year >= 2018),
  code TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  imported_at BIGINT NOT NULL,  -- Unix seconds
  PRIMARY KEY (commune_id, province, year, code)
);
