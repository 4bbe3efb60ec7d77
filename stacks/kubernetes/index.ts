/**
 * Entry of the Kubernetes step (project platform-kubernetes). Run it through the wrapper, which
 * passes the stack file at the repository root: `npm run up -- --stack <name> --step kubernetes`.
 */
import { mainKubernetes } from "../kubernetes";

export = mainKubernetes();
