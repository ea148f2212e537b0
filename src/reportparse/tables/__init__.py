"""Tables: the schema registry (:mod:`.schema`), building typed DataFrames from mentions
(:mod:`.build`) and the Frictionless descriptor of a written folder (:mod:`.datapackage`)."""
