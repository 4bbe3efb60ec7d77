/**
 * Load balancers as policies see them: aws.lb.LoadBalancer and its alias aws.alb.LoadBalancer are
 * one AWS resource type. loadBalancerType defaults to "application".
 */
import { T } from "./types";

export const LOAD_BALANCER_TYPES: readonly string[] = [T.lbLoadBalancer, T.albLoadBalancer];

export function isLoadBalancer(type: string): boolean {
  return LOAD_BALANCER_TYPES.includes(type);
}

export function isApplicationLoadBalancer(type: string, props: Record<string, any>): boolean {
  return isLoadBalancer(type) && (props.loadBalancerType ?? "application") === "application";
}
