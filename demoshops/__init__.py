"""Local simulated shops served over real HTTP for the demo, the tests and the benchmarks."""
