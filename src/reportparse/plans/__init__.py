"""Action plans: the plan model (:mod:`.model`), reading plans (:mod:`.read`) and comparing a
plan with execution reports (:mod:`.compare`)."""
