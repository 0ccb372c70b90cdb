// The public name search (issue 19): the enterprise's name kept on each published result, under a text index of its
// own, so a name fragment scans the published results that match it and never every enterprise.
CREATE TEXT INDEX inspection_result_enterprise_name_text IF NOT EXISTS FOR (n:InspectionResult) ON (n.enterpriseName);
