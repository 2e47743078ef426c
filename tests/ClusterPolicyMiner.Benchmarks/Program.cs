// PLACEHOLDER: benchmarks are added per stage.
return 0;
