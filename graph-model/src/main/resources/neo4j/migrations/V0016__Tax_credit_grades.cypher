// Tax credit grades (纳税信用等级) as the tax system assesses them: one per subject and assessment year.
CREATE CONSTRAINT tax_credit_grade_key IF NOT EXISTS FOR (n:TaxCreditGrade) REQUIRE (n.uscc, n.year) IS UNIQUE;
