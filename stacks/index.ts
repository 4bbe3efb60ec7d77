/**
 * Program entry. Config is read and validated in full before any resource is registered.
 */
import { main } from "./platform";

export = main();
