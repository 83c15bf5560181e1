/** What the hub says about itself in an enrollment code: where it is and which certificate to pin. */
export interface HubIdentity {
  urls: string[];
  fingerprint: string;
}
