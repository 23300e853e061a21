-- The rating code (mã đánh giá) of a dossier: 8 characters printed on the receipt (form 01) and
-- shown to the desk, asked for by the public rating form. Dossier codes follow the portals'
-- predictable shape, so without it anyone could rate any returned dossier and skew the 766
-- satisfaction component. Dossiers received before this migration have none and cannot be
-- rated here.
ALTER TABLE dossier ADD COLUMN rating_pin TEXT NOT NULL DEFAULT '';
