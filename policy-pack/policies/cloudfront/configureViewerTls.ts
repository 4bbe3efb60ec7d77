import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * Security policies that allow TLS 1.2 or newer only, with current ciphers.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 */
const MODERN = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

export interface ViewerTlsConfig {
  /** Accept the default *.cloudfront.net certificate, on which CloudFront negotiates TLS 1.0 and up. */
  allowDefaultCertificate: boolean;
}

export const configureViewerTls: PackResourcePolicy = {
  name: "cloudfront-configure-viewer-tls",
  resourceTypes: [T.cloudfrontDistribution],
  description: "CloudFront serves viewers TLS 1.2 or newer: a custom certificate with security policy TLSv1.2_2021 or newer (the default certificate allows TLS 1.0).",
  severity: "high",
  framework: fsbp("CloudFront.15"),
  remediationSteps: "Serve a custom domain with an ACM certificate from us-east-1 (platform:edge.domain), sslSupportMethod sni-only and minimumProtocolVersion TLSv1.2_2021, TLSv1.2_2025 or TLSv1.3_2025.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowDefaultCertificate: { type: "boolean", default: false, description: "Accept the default *.cloudfront.net certificate (TLS 1.0 negotiable); for dev stacks without a domain." },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.cloudfrontDistribution) return;
    const { allowDefaultCertificate } = args.getConfig<ViewerTlsConfig>();
    const cert = args.props.viewerCertificate ?? {};
    if (cert.cloudfrontDefaultCertificate === true) {
      if (!allowDefaultCertificate) {
        reportViolation("Distribution uses the default *.cloudfront.net certificate, on which CloudFront accepts TLS 1.0; serve a custom domain with an ACM certificate and minimumProtocolVersion TLSv1.2_2021 or newer.");
      }
      return;
    }
    if (!MODERN.includes(cert.minimumProtocolVersion)) {
      reportViolation(`Distribution allows viewers security policy ${cert.minimumProtocolVersion ?? "TLSv1 (the default)"}; set minimumProtocolVersion to one of ${MODERN.join(", ")}.`);
    }
  },
};
