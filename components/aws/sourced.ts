/**
 * An entry of a hand-kept AWS list (what cfn-lint's data does not have: EKS, MSK and Amazon MQ
 * versions, and values AWS published after the snapshot): where it was read and when.
 */
export interface Sourced {
  /** The page the entry was read on. */
  source: string;
  /** The day it was read, YYYY-MM-DD. */
  checked: string;
  /**
   * aws-doc: an AWS documentation page (or its stored copy); aws-code: code AWS publishes (aws-cdk);
   * secondary: a third party quoting AWS (endoflife.date, a public repository). Secondary entries say
   * so in `note`, and should be re-read on the AWS page when it is reachable.
   */
  sourceKind: "aws-doc" | "aws-code" | "secondary";
  note?: string;
}
