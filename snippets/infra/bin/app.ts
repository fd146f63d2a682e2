// The CDK app: one stack for the example app's whole AWS target, checked by cdk-nag on every synth.
// --8<-- [start:app]
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { settingsFrom } from '../lib/settings.ts';
import { DeployHandbookStack } from '../lib/stack.ts';

const app = new App(); // the output folder comes from CDK_OUTDIR, context from cdk.json
const settings = settingsFrom(app);
new DeployHandbookStack(app, 'DeployHandbook', {
  settings,
  // A Region but no account: synth needs no credentials and no lookups (the Availability Zones
  // are resolved by CloudFormation at deploy time); the account is the one `cdk deploy` runs as.
  env: { region: settings.region },
  description: 'Deploy Handbook example app: VPC, ALB, ECS on Fargate, RDS PostgreSQL, ElastiCache',
});
// cdk-nag 3 is a validation plugin: synth fails on any AwsSolutions finding not acknowledged.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
// --8<-- [end:app]
