// The stack's inputs: read from CDK context (cdk.json, or `-c key=value` on the command line), never
// looked up in an account, so `cdk synth` works offline and gives the same template everywhere.
import type { Construct } from 'constructs';

// --8<-- [start:settings]
export interface Settings {
  /** The Region to deploy to (the account is the one of your credentials). */
  readonly region: string;
  /** The app's public host name; the certificate and the DNS record are made for it. */
  readonly domainName: string;
  /** The Route 53 public hosted zone that holds domainName (ID and name, no lookup). */
  readonly hostedZoneId: string;
  readonly hostedZoneName: string;
}

const PREFIX = 'deploy-handbook:';

function required(scope: Construct, key: string): string {
  const value: unknown = scope.node.tryGetContext(PREFIX + key);
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`context ${PREFIX}${key} is missing: set it in cdk.json or pass -c ${PREFIX}${key}=...`);
  }
  return value;
}

export function settingsFrom(scope: Construct): Settings {
  const settings = {
    region: required(scope, 'region'),
    domainName: required(scope, 'domainName'),
    hostedZoneId: required(scope, 'hostedZoneId'),
    hostedZoneName: required(scope, 'hostedZoneName'),
  };
  if (!settings.domainName.endsWith(`.${settings.hostedZoneName}`) && settings.domainName !== settings.hostedZoneName) {
    throw new Error(`${settings.domainName} is not in the hosted zone ${settings.hostedZoneName}`);
  }
  return settings;
}
// --8<-- [end:settings]
