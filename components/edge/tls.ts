/**
 * Fixed security settings of the edge. Not config: no stack may weaken them. Each cites its source.
 */

/**
 * CloudFront viewer security policies that allow TLS 1.2 or newer only.
 * Valid values: https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 */
export const MODERN_VIEWER_TLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"] as const;

/** The policy the edge uses with its own certificate. */
export const VIEWER_TLS = "TLSv1.2_2021";

/**
 * With the default *.cloudfront.net certificate CloudFront sets the security policy to TLSv1
 * whatever we ask for, and the API accepts only TLSv1 there (API_ViewerCertificate, above).
 */
export const DEFAULT_CERTIFICATE_TLS = "TLSv1";

/** CloudFront to origin: TLS 1.2 only (FSBP CloudFront.10). */
export const ORIGIN_SSL_PROTOCOLS = ["TLSv1.2"];

/**
 * ALB HTTPS listener policy: TLS 1.3 and 1.2 with forward-secret ciphers, AWS's recommended policy.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const ALB_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/**
 * Route 53 hosted zone id of every CloudFront distribution, for alias records.
 * https://docs.aws.amazon.com/general/latest/gr/cf_region.html
 */
export const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";

/**
 * AWS-managed prefix list of CloudFront's origin-facing addresses. A CloudFront VPC origin reaches
 * an internal ALB from these addresses; nothing else in or outside the VPC does.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/LocationsOfEdgeServers.html
 */
export const CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";

/**
 * AWS-managed CloudFront policies, by id.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html
 */
export const MANAGED_POLICY = {
  /** Managed-CachingOptimized: static assets. */
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  /** Managed-CachingDisabled: application responses are never cached at the edge. */
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  /** Managed-AllViewerExceptHostHeader: the origin sees the viewer's headers, cookies and query, with its own Host. */
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
  /** Managed-SecurityHeadersPolicy: HSTS, X-Content-Type-Options, X-Frame-Options, Referrer-Policy. */
  securityHeaders: "67f7725c-6f97-4210-82d7-5512b31e9d03",
} as const;
