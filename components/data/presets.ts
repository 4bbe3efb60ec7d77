/**
 * The data tier's settings, defaults and per-profile presets, one module per component: this is
 * where `DATABASE_PRESETS.prod` and its siblings are imported from.
 */
export * from "./databaseSettings";
export * from "./cacheSettings";
export * from "./messagingSettings";
