// DRAW-13 looks up other levels' inspections of the drawn enterprises by uscc.
CREATE INDEX inspection_uscc IF NOT EXISTS FOR (n:Inspection) ON (n.uscc);
