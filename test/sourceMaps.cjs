// The test runner shows failures at their TypeScript lines: Node maps every trace (scripts/register.cjs).
require("../scripts/register.cjs").mapStackTraces();
