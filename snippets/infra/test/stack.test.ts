// Invariants of the synthesized template that no linter knows about: they tie the stack to the app.
// Run with `node --test test/`. DEPLOY_HANDBOOK_TEMPLATE may name an already synthesized template
// (the handbook's test suite passes its cached synth); otherwise the stack is synthesized here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { settingsFrom } from '../lib/settings.ts';
import { DeployHandbookStack } from '../lib/stack.ts';

// A CloudFormation template is untyped JSON.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Resources = Record<string, Json>;

function synthesize(): Template {
  const given = process.env.DEPLOY_HANDBOOK_TEMPLATE;
  if (given) {
    return Template.fromJSON(JSON.parse(readFileSync(given, 'utf8')));
  }
  const { context } = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8'));
  const app = new App({ context });
  const settings = settingsFrom(app);
  return Template.fromStack(new DeployHandbookStack(app, 'DeployHandbook', { settings, env: { region: settings.region } }));
}

const template = synthesize();
const resources = (type: string): Resources => template.findResources(type);
const only = (type: string): Json => {
  const found = Object.values(resources(type));
  assert.equal(found.length, 1, `exactly one ${type}`);
  return found[0];
};
const refTo = (value: Json): string | undefined => value?.Ref ?? value?.['Fn::GetAtt']?.[0];
// The drain of the app's web process (snippets/app/server.js), in seconds.
const appDrainSeconds = (): number => {
  const server = readFileSync(new URL('../../app/server.js', import.meta.url), 'utf8');
  const match = /const SHUTDOWN_TIMEOUT_MS = (\d+);/.exec(server);
  assert.ok(match, 'server.js declares SHUTDOWN_TIMEOUT_MS');
  return Number(match[1]) / 1000;
};
const taskDefinitions = () => Object.entries(resources('AWS::ECS::TaskDefinition'));

// --8<-- [start:logs]
describe('logs', () => {
  test('every container logs to a log group the stack creates, with a retention', () => {
    const groups = resources('AWS::Logs::LogGroup');
    for (const [id, task] of taskDefinitions()) {
      for (const container of task.Properties.ContainerDefinitions) {
        const { LogDriver, Options } = container.LogConfiguration ?? {};
        const target = LogDriver === 'awslogs' ? Options['awslogs-group'] : Options?.log_group_name;
        assert.ok(target, `${id}/${container.Name} has no log group`);
        const group = groups[refTo(target) ?? ''];
        assert.ok(group, `${id}/${container.Name} writes to ${JSON.stringify(target)}, which the stack does not create`);
        assert.ok(group.Properties.RetentionInDays > 0, `${refTo(target)} keeps logs for ever`);
        if (LogDriver === 'awsfirelens') {
          assert.equal(Options.auto_create_group, 'false', 'FireLens must not need logs:CreateLogGroup');
        }
      }
    }
  });
});
// --8<-- [end:logs]

// --8<-- [start:health]
describe('health checks', () => {
  test('the target group asks the liveness endpoint, on the task IPs', () => {
    const group = only('AWS::ElasticLoadBalancingV2::TargetGroup').Properties;
    assert.equal(group.TargetType, 'ip');
    assert.equal(group.HealthCheckPath, '/livez', 'ECS replaces tasks that fail this check: never test dependencies');
  });

  test('deregistration outlasts the app drain and is far below the 300 s default', () => {
    const attributes = only('AWS::ElasticLoadBalancingV2::TargetGroup').Properties.TargetGroupAttributes;
    const delay = Number(attributes.find((a: Json) => a.Key === 'deregistration_delay.timeout_seconds').Value);
    assert.ok(delay > appDrainSeconds() && delay < 60, `deregistration delay ${delay} s`);
  });

  test('container health checks never call the readiness endpoint', () => {
    for (const [id, task] of taskDefinitions()) {
      for (const container of task.Properties.ContainerDefinitions) {
        assert.ok(!JSON.stringify(container.HealthCheck ?? {}).includes('/health'), `${id}/${container.Name}`);
      }
    }
  });

  test('the worker has a heartbeat health check', () => {
    const worker = taskDefinitions()
      .flatMap(([, task]) => task.Properties.ContainerDefinitions)
      .find((c: Json) => c.Name === 'worker');
    assert.deepEqual(worker.HealthCheck.Command, ['CMD', 'node', 'worker-health.js']);
  });
});
// --8<-- [end:health]

// --8<-- [start:exec]
describe('ECS Exec', () => {
  test('no service enables ECS Exec on a task with a read-only root filesystem', () => {
    const tasks = resources('AWS::ECS::TaskDefinition');
    for (const [id, service] of Object.entries(resources('AWS::ECS::Service'))) {
      if (!service.Properties.EnableExecuteCommand) continue;
      const task = tasks[refTo(service.Properties.TaskDefinition) ?? ''];
      for (const container of task.Properties.ContainerDefinitions) {
        assert.ok(!container.ReadonlyRootFilesystem, `${id}: ECS Exec does not support a read-only root filesystem`);
      }
    }
  });
});
// --8<-- [end:exec]

// --8<-- [start:secrets]
describe('secrets', () => {
  // The secret a valueFrom names, without the JSON key, version stage and version ID suffix.
  const secretOf = (valueFrom: Json): string => {
    const join = valueFrom['Fn::Join'];
    const parts = join ? join[1] : [valueFrom];
    return JSON.stringify(parts.filter((p: Json) => typeof p !== 'string' || !p.startsWith(':')));
  };

  test('each execution role reads exactly the secrets of its task, by full ARN', () => {
    const policies = Object.values(resources('AWS::IAM::Policy'));
    for (const [id, task] of taskDefinitions()) {
      const wanted = new Set<string>();
      for (const container of task.Properties.ContainerDefinitions) {
        for (const secret of container.Secrets ?? []) wanted.add(secretOf(secret.ValueFrom));
      }
      const role = refTo(task.Properties.ExecutionRoleArn);
      const granted = new Set<string>();
      for (const policy of policies.filter((p) => p.Properties.Roles.some((r: Json) => refTo(r) === role))) {
        for (const statement of policy.Properties.PolicyDocument.Statement) {
          const actions = [statement.Action].flat();
          if (actions.some((a: string) => a.startsWith('secretsmanager:'))) {
            for (const resource of [statement.Resource].flat()) granted.add(JSON.stringify([resource]));
          }
        }
      }
      assert.deepEqual([...granted].sort(), [...wanted].sort(), `${id}: execution role vs secrets`);
    }
  });

  test('the database password is its own key of the RDS-managed secret', () => {
    const db = only('AWS::RDS::DBInstance').Properties;
    assert.equal(db.ManageMasterUserPassword, true);
    assert.equal(db.MasterUserPassword, undefined);
    const names = taskDefinitions().flatMap(([, task]) =>
      task.Properties.ContainerDefinitions.flatMap((c: Json) => (c.Secrets ?? []).map((s: Json) => s.Name)),
    );
    assert.ok(names.includes('PGPASSWORD') && !names.includes('DATABASE_URL'));
  });
});
// --8<-- [end:secrets]

// --8<-- [start:tls]
describe('TLS and protection of the data stores', () => {
  test('PostgreSQL: TLS forced, Multi-AZ, encrypted, deletion-protected, backed up', () => {
    const db = only('AWS::RDS::DBInstance');
    const parameters = resources('AWS::RDS::DBParameterGroup')[refTo(db.Properties.DBParameterGroupName) ?? ''];
    assert.equal(parameters.Properties.Parameters['rds.force_ssl'], '1');
    assert.equal(db.Properties.MultiAZ, true);
    assert.equal(db.Properties.StorageEncrypted, true);
    assert.equal(db.Properties.DeletionProtection, true);
    assert.ok(db.Properties.BackupRetentionPeriod >= 7);
    assert.equal(db.DeletionPolicy, 'Snapshot');
  });

  test('Valkey: TLS required, AUTH token from Secrets Manager, a replica with failover', () => {
    const cache = only('AWS::ElastiCache::ReplicationGroup').Properties;
    assert.equal(cache.TransitEncryptionEnabled, true);
    assert.equal(cache.TransitEncryptionMode, 'required');
    assert.equal(cache.AtRestEncryptionEnabled, true);
    assert.match(JSON.stringify(cache.AuthToken), /\{\{resolve:secretsmanager:/);
    assert.ok(cache.NumCacheClusters >= 2 && cache.AutomaticFailoverEnabled && cache.MultiAZEnabled);
  });

  test('the app is told to verify PostgreSQL and to use rediss://', () => {
    for (const [, task] of taskDefinitions()) {
      for (const container of task.Properties.ContainerDefinitions) {
        const env = Object.fromEntries((container.Environment ?? []).map((e: Json) => [e.Name, e.Value]));
        if ('PGHOST' in env) assert.equal(env.DATABASE_SSL, 'verify');
      }
    }
    const urls = Object.values(resources('AWS::SecretsManager::Secret')).filter((s) =>
      JSON.stringify(s.Properties.SecretString ?? '').includes('rediss://'),
    );
    assert.equal(urls.length, 1);
  });
});
// --8<-- [end:tls]

// --8<-- [start:network]
describe('network', () => {
  const ingress = (groupId: string) =>
    Object.values(resources('AWS::EC2::SecurityGroupIngress')).filter((r) => refTo(r.Properties.GroupId) === groupId);
  const groupWith = (description: string): string => {
    const found = Object.entries(resources('AWS::EC2::SecurityGroup')).find(([, g]) =>
      g.Properties.GroupDescription.startsWith(description),
    );
    assert.ok(found, description);
    return found[0];
  };

  test('the security-group chain opens exact ports, from the group before it only', () => {
    const alb = groupWith('Load balancer');
    const api = groupWith('API tasks');
    const background = groupWith('Worker');
    const expect = (group: string, port: number, from: string[]) => {
      const rules = ingress(group);
      assert.deepEqual(rules.map((r) => [r.Properties.FromPort, r.Properties.ToPort]), from.map(() => [port, port]));
      assert.deepEqual(rules.map((r) => refTo(r.Properties.SourceSecurityGroupId)).sort(), [...from].sort());
    };
    expect(api, 3000, [alb]);
    expect(groupWith('PostgreSQL'), 5432, [api, background]);
    expect(groupWith('Valkey'), 6379, [api, background]);
    const inline = resources('AWS::EC2::SecurityGroup')[background].Properties.SecurityGroupIngress;
    assert.equal(inline, undefined, 'background tasks accept no connections');
  });

  test('tasks run in private subnets without public IPs', () => {
    for (const service of Object.values(resources('AWS::ECS::Service'))) {
      assert.equal(service.Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp, 'DISABLED');
    }
    assert.equal(Object.keys(resources('AWS::EC2::NatGateway')).length, 2, 'one NAT gateway per zone');
  });

  test('HTTPS with a DNS-validated certificate; HTTP only redirects', () => {
    const listeners = Object.values(resources('AWS::ElasticLoadBalancingV2::Listener')).map((l) => l.Properties);
    const https = listeners.find((l) => l.Port === 443);
    const http = listeners.find((l) => l.Port === 80);
    assert.equal(https.Protocol, 'HTTPS');
    assert.equal(only('AWS::CertificateManager::Certificate').Properties.ValidationMethod, 'DNS');
    assert.equal(http.DefaultActions[0].Type, 'redirect');
    assert.equal(http.DefaultActions[0].RedirectConfig.Protocol, 'HTTPS');
  });
});
// --8<-- [end:network]

// --8<-- [start:deployments]
describe('deployments and images', () => {
  test('the API rolls back on failing tasks and on its 5xx alarm', () => {
    const api = Object.values(resources('AWS::ECS::Service')).find((s) => s.Properties.ServiceName === 'deploy-handbook-api');
    const config = api.Properties.DeploymentConfiguration;
    assert.deepEqual(config.DeploymentCircuitBreaker, { Enable: true, Rollback: true });
    assert.equal(config.Alarms.Enable, true);
    assert.equal(config.Alarms.Rollback, true);
  });

  test('immutable tags, a lifecycle policy, and scanning set for the registry', () => {
    const repository = only('AWS::ECR::Repository').Properties;
    assert.equal(repository.ImageTagMutability, 'IMMUTABLE');
    assert.ok(repository.LifecyclePolicy.LifecyclePolicyText);
    assert.equal(repository.ImageScanningConfiguration, undefined, 'repository-level scanOnPush is deprecated');
    const rules = only('AWS::ECR::RegistryScanningConfiguration').Properties.Rules;
    assert.equal(rules[0].ScanFrequency, 'SCAN_ON_PUSH');
  });
});
// --8<-- [end:deployments]
