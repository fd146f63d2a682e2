// The example app's AWS target in one stack: network, load balancer, image registry, ECS services,
// PostgreSQL, Valkey, secrets, logs, scaling and alarms. The regions marked below are the sections of
// the handbook's "AWS stack as code" page.
import {
  CfnOutput,
  CfnParameter,
  Duration,
  Fn,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
  Validations,
  aws_applicationautoscaling as autoscaling,
  aws_certificatemanager as acm,
  aws_cloudwatch as cloudwatch,
  aws_ec2 as ec2,
  aws_ecr as ecr,
  aws_ecs as ecs,
  aws_elasticache as elasticache,
  aws_elasticloadbalancingv2 as elbv2,
  aws_logs as logs,
  aws_rds as rds,
  aws_route53 as route53,
  aws_route53_targets as route53Targets,
  aws_s3 as s3,
  aws_scheduler as scheduler,
  aws_scheduler_targets as schedulerTargets,
  aws_secretsmanager as secretsmanager,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Settings } from './settings.ts';

// Names other tools rely on: the AWS CLI walk-through and the CI workflow address the cluster,
// services, task families and containers by these names, as snippets/ecs/*.json do.
export const NAMES = {
  cluster: 'deploy-handbook',
  repository: 'deploy-handbook-api',
  apiService: 'deploy-handbook-api',
  workerService: 'deploy-handbook-worker',
  apiFamily: 'deploy-handbook-api',
  workerFamily: 'deploy-handbook-worker',
  migrateFamily: 'deploy-handbook-migrate',
  pruneFamily: 'deploy-handbook-prune',
} as const;

// The app's own numbers (snippets/app): the port server.js listens on, and how long its SIGTERM
// handler drains in-flight requests (SHUTDOWN_TIMEOUT_MS) before it gives up.
const APP_PORT = 3000;
const APP_DRAIN = Duration.seconds(8);
const POSTGRES_PORT = 5432;
const VALKEY_PORT = 6379;
const RDS_CA_BUNDLE = '/etc/ssl/rds/global-bundle.pem'; // baked into the image (snippets/app/Dockerfile)

export interface DeployHandbookStackProps extends StackProps {
  readonly settings: Settings;
}

export class DeployHandbookStack extends Stack {
  constructor(scope: Construct, id: string, props: DeployHandbookStackProps) {
    super(scope, id, props);
    const { settings } = props;

    // --8<-- [start:image-tag]
    // The image tag is a parameter, so a deploy pipeline changes it without editing code:
    //   cdk deploy --parameters ImageTag=1.0.1
    const imageTag = new CfnParameter(this, 'ImageTag', {
      type: 'String',
      default: '1.0.0',
      allowedPattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$',
      description: 'Tag of the deploy-handbook-api image in ECR to run (tags are immutable)',
    });
    // --8<-- [end:image-tag]

    // --8<-- [start:network]
    // Two Availability Zones, three tiers: public subnets for the load balancer and the NAT
    // gateways, private subnets with outbound access for the tasks, isolated subnets (no route
    // out at all) for the database and the cache. One NAT gateway per zone, so losing a zone
    // never cuts the other zone's tasks off from ECR, Secrets Manager and CloudWatch Logs.
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      restrictDefaultSecurityGroup: false, // nothing uses it; restricting it takes a Lambda-backed custom resource
      natGateways: 2,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'tasks', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      flowLogs: {
        all: { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: ec2.FlowLogTrafficType.REJECT },
      },
    });
    // Image layers come from S3: a gateway endpoint (free) keeps them off the NAT gateways' per-GB charge.
    vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    const taskSubnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    const dataSubnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    // --8<-- [end:network]

    // --8<-- [start:security-groups]
    // The chain: internet → ALB on 80/443 → API tasks on the app port → PostgreSQL and Valkey on
    // their ports. Nothing is open that the chain does not need; the FireLens port (24224) in
    // particular is never opened, as ECS requires.
    const albSg = new ec2.SecurityGroup(this, 'AlbSecurityGroup', {
      vpc,
      description: 'Load balancer: HTTPS and HTTP (redirected) from anywhere',
      allowAllOutbound: false,
    });
    albSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    albSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet, redirected to HTTPS');
    const apiSg = new ec2.SecurityGroup(this, 'ApiSecurityGroup', {
      vpc,
      description: 'API tasks: the app port from the load balancer only',
      allowAllOutbound: false,
    });
    apiSg.addIngressRule(albSg, ec2.Port.tcp(APP_PORT), 'app port from the load balancer');
    albSg.addEgressRule(apiSg, ec2.Port.tcp(APP_PORT), 'to the API tasks');
    const backgroundSg = new ec2.SecurityGroup(this, 'BackgroundSecurityGroup', {
      vpc,
      description: 'Worker, migration and scheduled tasks: no inbound traffic',
      allowAllOutbound: false,
    });
    const databaseSg = new ec2.SecurityGroup(this, 'DatabaseSecurityGroup', {
      vpc,
      description: 'PostgreSQL: from the app tasks only',
      allowAllOutbound: false,
    });
    const cacheSg = new ec2.SecurityGroup(this, 'CacheSecurityGroup', {
      vpc,
      description: 'Valkey: from the app tasks only',
      allowAllOutbound: false,
    });
    for (const tasks of [apiSg, backgroundSg]) {
      // AWS APIs (ECR, Secrets Manager, CloudWatch Logs) through the NAT gateways, over HTTPS only.
      tasks.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'AWS APIs and image pulls over HTTPS');
      tasks.addEgressRule(databaseSg, ec2.Port.tcp(POSTGRES_PORT), 'to PostgreSQL');
      databaseSg.addIngressRule(tasks, ec2.Port.tcp(POSTGRES_PORT), 'PostgreSQL from the app tasks');
      tasks.addEgressRule(cacheSg, ec2.Port.tcp(VALKEY_PORT), 'to Valkey');
      cacheSg.addIngressRule(tasks, ec2.Port.tcp(VALKEY_PORT), 'Valkey from the app tasks');
    }
    // --8<-- [end:security-groups]

    // --8<-- [start:registry]
    // Immutable tags: a pushed version can never be replaced by another image. The lifecycle rule
    // keeps the images a rollback may need and expires the rest.
    const repository = new ecr.Repository(this, 'Repository', {
      repositoryName: NAMES.repository,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      encryption: ecr.RepositoryEncryption.AES_256,
      lifecycleRules: [
        { description: 'untagged layers of failed pushes', tagStatus: ecr.TagStatus.UNTAGGED, maxImageAge: Duration.days(7) },
        { description: 'keep the last 30 images', maxImageCount: 30 },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Scanning is configured for the whole registry (per account and Region); the repository-level
    // scanOnPush setting is deprecated. This replaces any registry scanning configuration you have.
    new ecr.CfnRegistryScanningConfiguration(this, 'RegistryScanning', {
      scanType: 'BASIC',
      rules: [
        {
          scanFrequency: 'SCAN_ON_PUSH',
          repositoryFilters: [{ filter: 'deploy-handbook-*', filterType: 'WILDCARD' }],
        },
      ],
    });
    // --8<-- [end:registry]

    // --8<-- [start:database]
    // PostgreSQL in two zones (Multi-AZ), encrypted, protected from deletion, backed up daily.
    // RDS manages the master password in Secrets Manager: the secret is JSON with separate
    // `username` and `password` keys, which is what RDS's own rotation updates.
    const databaseParameters = new rds.ParameterGroup(this, 'DatabaseParameters', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_18_3 }),
      description: 'Deploy Handbook PostgreSQL: TLS required',
      parameters: { 'rds.force_ssl': '1' },
    });
    const database = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_18_3 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
      vpc,
      vpcSubnets: dataSubnets,
      securityGroups: [databaseSg],
      port: POSTGRES_PORT,
      databaseName: 'notes',
      credentials: rds.Credentials.fromUsername('notes_admin'),
      manageMasterUserPassword: true,
      parameterGroup: databaseParameters,
      multiAz: true,
      storageEncrypted: true,
      storageType: rds.StorageType.GP3,
      allocatedStorage: 20,
      maxAllocatedStorage: 100,
      backupRetention: Duration.days(7),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      instanceIdentifier: 'deploy-handbook',
      cloudwatchLogsExports: ['postgresql'],
      autoMinorVersionUpgrade: true,
    });
    // The log group RDS exports to, created here with a retention (RDS would create it without one).
    database.node.addDependency(
      new logs.LogGroup(this, 'DatabaseLogs', {
        logGroupName: '/aws/rds/instance/deploy-handbook/postgresql',
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    );
    const databaseSecret = secretsmanager.Secret.fromSecretCompleteArn(
      this,
      'DatabaseSecret',
      (database.node.defaultChild as rds.CfnDBInstance).attrMasterUserSecretSecretArn,
    );
    // --8<-- [end:database]

    // --8<-- [start:cache]
    // Valkey with TLS in transit and an AUTH token, a replica in the other zone and automatic
    // failover. The token is generated into Secrets Manager and never appears in the template.
    const cacheToken = new secretsmanager.Secret(this, 'CacheAuthToken', {
      secretName: 'deploy-handbook/cache-auth-token', // pragma: allowlist secret (a name, not a value)
      description: 'AUTH token of the deploy-handbook Valkey replication group',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const cacheSubnets = new elasticache.CfnSubnetGroup(this, 'CacheSubnets', {
      description: 'Deploy Handbook Valkey: isolated subnets',
      subnetIds: vpc.selectSubnets(dataSubnets).subnetIds,
    });
    const cache = new elasticache.CfnReplicationGroup(this, 'Cache', {
      replicationGroupDescription: 'Deploy Handbook job queue',
      engine: 'valkey',
      engineVersion: '8.0',
      cacheNodeType: 'cache.t4g.micro',
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      atRestEncryptionEnabled: true,
      authToken: cacheToken.secretValue.unsafeUnwrap(), // a {{resolve:secretsmanager:...}} reference
      port: VALKEY_PORT,
      cacheSubnetGroupName: cacheSubnets.ref,
      securityGroupIds: [cacheSg.securityGroupId],
      snapshotRetentionLimit: 1,
    });
    // The app reads one REDIS_URL (rediss:// = TLS). CloudFormation resolves the token reference
    // when it writes this secret, so the URL with the password exists only in Secrets Manager.
    const redisUrl = new secretsmanager.Secret(this, 'RedisUrl', {
      secretName: 'deploy-handbook/redis-url', // pragma: allowlist secret (a name, not a value)
      description: 'REDIS_URL of the deploy-handbook app (rediss:// with the AUTH token)',
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', [
          'rediss://:',
          cacheToken.secretValue.unsafeUnwrap(),
          '@',
          cache.attrPrimaryEndPointAddress,
          ':',
          cache.attrPrimaryEndPointPort,
        ]),
      ),
    });
    // --8<-- [end:cache]

    // --8<-- [start:cluster]
    const cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: NAMES.cluster,
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENHANCED,
      enableFargateCapacityProviders: true,
    });
    // --8<-- [end:cluster]

    // --8<-- [start:logs]
    // Every log group a container writes to exists before any task starts, with a retention, so
    // no role needs logs:CreateLogGroup and nothing is kept for ever.
    const logGroup = (id: string, name: string) =>
      new logs.LogGroup(this, id, {
        logGroupName: name,
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });
    const apiLogs = logGroup('ApiLogs', '/ecs/deploy-handbook-api');
    const routerLogs = logGroup('RouterLogs', '/ecs/deploy-handbook-api/firelens');
    const workerLogs = logGroup('WorkerLogs', '/ecs/deploy-handbook-worker');
    const jobLogs = logGroup('JobLogs', '/ecs/deploy-handbook-jobs');
    // --8<-- [end:logs]

    // --8<-- [start:app-config]
    // What every process of the app gets. Plain settings are environment variables; credentials
    // are secrets, injected by full ARN (and JSON key) when the container starts. node-postgres
    // reads PGHOST, PGUSER, PGPASSWORD ... when DATABASE_URL is unset, so the database password
    // stays a key of its own that RDS can rotate.
    const image = ecs.ContainerImage.fromEcrRepository(repository, imageTag.valueAsString);
    const databaseEnvironment = {
      NODE_ENV: 'production',
      DATABASE_SSL: 'verify',
      DATABASE_CA_CERT: RDS_CA_BUNDLE,
      PGHOST: database.dbInstanceEndpointAddress,
      PGPORT: database.dbInstanceEndpointPort,
      PGDATABASE: 'notes',
    };
    const databaseSecrets = {
      PGUSER: ecs.Secret.fromSecretsManager(databaseSecret, 'username'),
      PGPASSWORD: ecs.Secret.fromSecretsManager(databaseSecret, 'password'),
    };
    const queueSecrets = { REDIS_URL: ecs.Secret.fromSecretsManager(redisUrl) };
    // --8<-- [end:app-config]

    // --8<-- [start:api-task]
    // The API: the app container behind a FireLens log router (Fluent Bit), as in
    // snippets/ecs/api-task-definition.json. Fargate Spot needs X86_64.
    const apiTask = new ecs.FargateTaskDefinition(this, 'ApiTask', {
      family: NAMES.apiFamily,
      cpu: 1024,
      memoryLimitMiB: 2048,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    const router = apiTask.addFirelensLogRouter('log_router', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'),
      essential: true,
      cpu: 256,
      memoryReservationMiB: 256,
      firelensConfig: {
        type: ecs.FirelensLogRouterType.FLUENTBIT,
        options: { enableECSLogMetadata: true },
      },
      logging: ecs.LogDrivers.awsLogs({ logGroup: routerLogs, streamPrefix: 'firelens' }),
    });
    const api = apiTask.addContainer('api', {
      image,
      essential: true,
      cpu: 768,
      memoryLimitMiB: 1536,
      portMappings: [{ name: 'http', containerPort: APP_PORT, appProtocol: ecs.AppProtocol.http }],
      environment: { ...databaseEnvironment, PORT: String(APP_PORT) },
      secrets: { ...databaseSecrets, ...queueSecrets },
      readonlyRootFilesystem: true,
      stopTimeout: Duration.seconds(30),
      // Liveness only: the process answers. Never /health, which fails with the database.
      healthCheck: {
        command: [
          'CMD',
          'node',
          '-e',
          `fetch('http://127.0.0.1:${APP_PORT}/livez').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
        ],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
      logging: ecs.LogDrivers.firelens({
        options: {
          Name: 'cloudwatch_logs',
          region: this.region,
          log_group_name: apiLogs.logGroupName,
          log_stream_prefix: 'api/',
          auto_create_group: 'false',
        },
      }),
    });
    api.addContainerDependencies({ container: router, condition: ecs.ContainerDependencyCondition.START });
    apiLogs.grantWrite(apiTask.taskRole); // Fluent Bit writes the app's logs with the task role
    // --8<-- [end:api-task]

    // --8<-- [start:load-balancer]
    // HTTPS with an ACM certificate validated through DNS in the hosted zone; HTTP only redirects.
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: settings.hostedZoneId,
      zoneName: settings.hostedZoneName,
    });
    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: settings.domainName,
      validation: acm.CertificateValidation.fromDns(zone),
    });
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED, // the only encryption ALB access logs support
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const alb = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: true,
      securityGroup: albSg,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
    });
    alb.logAccessLogs(accessLogs, 'alb');
    alb.addRedirect({ sourcePort: 80, targetPort: 443 });
    const https = alb.addListener('Https', {
      port: 443,
      certificates: [certificate],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false, // albSg above already admits 443
    });
    // Target type ip: awsvpc tasks register their own addresses. The check asks /livez, so only a
    // dead process fails it: ECS stops and replaces any task that fails the load balancer's check.
    // Deregistration waits a little longer than the app's drain, instead of the default 300 s.
    const targets = new elbv2.ApplicationTargetGroup(this, 'ApiTargets', {
      vpc,
      targetType: elbv2.TargetType.IP,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: APP_PORT,
      deregistrationDelay: APP_DRAIN.plus(Duration.seconds(2)),
      healthCheck: {
        path: '/livez',
        healthyHttpCodes: '200',
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });
    https.addTargetGroups('Api', { targetGroups: [targets] });
    new route53.ARecord(this, 'AppRecord', {
      zone,
      recordName: settings.domainName,
      target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(alb)),
    });
    // --8<-- [end:load-balancer]

    // --8<-- [start:api-service]
    // Rollouts stop and roll back when new tasks keep failing (circuit breaker) or when the 5xx
    // alarm fires while they run (deployment alarm). One task always runs on regular Fargate;
    // the rest are split with Fargate Spot. ECS Exec stays off: it does not work with a
    // read-only root filesystem.
    const api5xx = new cloudwatch.Alarm(this, 'Api5xxAlarm', {
      alarmName: 'deploy-handbook-api-5xx',
      alarmDescription: 'API answers 5xx: rolls a deployment back while one is running',
      metric: targets.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
        period: Duration.minutes(1),
        statistic: 'Sum',
      }),
      threshold: 10,
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const apiService = new ecs.FargateService(this, 'ApiService', {
      serviceName: NAMES.apiService,
      cluster,
      taskDefinition: apiTask,
      desiredCount: 2,
      capacityProviderStrategies: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 1 },
      ],
      vpcSubnets: taskSubnets,
      securityGroups: [apiSg],
      assignPublicIp: false,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(30),
      circuitBreaker: { enable: true, rollback: true },
      deploymentAlarms: {
        alarmNames: [api5xx.alarmName],
        behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM,
      },
      enableExecuteCommand: false,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      enableECSManagedTags: true,
    });
    targets.addTarget(apiService.loadBalancerTarget({ containerName: 'api', containerPort: APP_PORT }));
    // --8<-- [end:api-service]

    // --8<-- [start:worker]
    // The worker on Fargate Spot: a reclaimed task's job goes back to the queue. Its health check
    // passes while its heartbeat key in Valkey is fresh (worker-health.js), so a hung worker is
    // replaced. A second, non-essential container reports the queue's depth as a CloudWatch
    // metric through the embedded metric format, for scaling.
    const workerTask = new ecs.FargateTaskDefinition(this, 'WorkerTask', {
      family: NAMES.workerFamily,
      cpu: 256,
      memoryLimitMiB: 512,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    workerTask.addContainer('worker', {
      image,
      command: ['node', 'worker.js'],
      essential: true,
      memoryLimitMiB: 384,
      environment: databaseEnvironment,
      secrets: { ...databaseSecrets, ...queueSecrets },
      readonlyRootFilesystem: true,
      stopTimeout: Duration.seconds(30),
      healthCheck: {
        command: ['CMD', 'node', 'worker-health.js'],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
      logging: ecs.LogDrivers.awsLogs({ logGroup: workerLogs, streamPrefix: 'worker' }),
    });
    workerTask.addContainer('queue_depth', {
      image,
      command: ['node', 'queue-depth.js'],
      essential: false,
      memoryLimitMiB: 128,
      environment: { NODE_ENV: 'production' },
      secrets: queueSecrets,
      readonlyRootFilesystem: true,
      logging: ecs.LogDrivers.awsLogs({ logGroup: workerLogs, streamPrefix: 'queue-depth' }),
    });
    const workerService = new ecs.FargateService(this, 'WorkerService', {
      serviceName: NAMES.workerService,
      cluster,
      taskDefinition: workerTask,
      desiredCount: 1,
      capacityProviderStrategies: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      vpcSubnets: taskSubnets,
      securityGroups: [backgroundSg],
      assignPublicIp: false,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      enableExecuteCommand: false,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      enableECSManagedTags: true,
    });
    // --8<-- [end:worker]

    // --8<-- [start:jobs]
    // One-off tasks from the same image. The deploy pipeline runs the migration before it updates
    // the services (the counterpart of Heroku's release phase; see the outputs below); EventBridge
    // Scheduler starts the nightly prune of old idempotency records.
    const jobTask = (id: string, family: string, script: string) => {
      const task = new ecs.FargateTaskDefinition(this, id, {
        family,
        cpu: 256,
        memoryLimitMiB: 512,
        runtimePlatform: {
          cpuArchitecture: ecs.CpuArchitecture.X86_64,
          operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        },
      });
      task.addContainer(script, {
        image,
        command: ['node', `${script}.js`],
        essential: true,
        environment: databaseEnvironment,
        secrets: databaseSecrets,
        readonlyRootFilesystem: true,
        logging: ecs.LogDrivers.awsLogs({ logGroup: jobLogs, streamPrefix: script }),
      });
      return task;
    };
    const migrateTask = jobTask('MigrateTask', NAMES.migrateFamily, 'migrate');
    const pruneTask = jobTask('PruneTask', NAMES.pruneFamily, 'prune');
    new scheduler.Schedule(this, 'PruneSchedule', {
      description: 'Nightly: delete idempotency records older than the retention',
      schedule: scheduler.ScheduleExpression.cron({ minute: '17', hour: '3' }),
      target: new schedulerTargets.EcsRunFargateTask(cluster, {
        taskDefinition: pruneTask,
        vpcSubnets: taskSubnets,
        securityGroups: [backgroundSg],
        assignPublicIp: false,
      }),
    });
    // --8<-- [end:jobs]

    // --8<-- [start:scaling]
    // The API follows CPU and requests per task; the worker follows the queue's depth.
    const apiScaling = apiService.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 });
    apiScaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    apiScaling.scaleOnRequestCount('Requests', { requestsPerTarget: 500, targetGroup: targets });
    const workerScaling = workerService.autoScaleTaskCount({ minCapacity: 1, maxCapacity: 10 });
    workerScaling.scaleOnMetric('QueueDepth', {
      metric: new cloudwatch.Metric({
        namespace: 'DeployHandbook',
        metricName: 'QueueDepth',
        dimensionsMap: { Queue: 'jobs' },
        statistic: 'Maximum',
        period: Duration.minutes(1),
      }),
      adjustmentType: autoscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      scalingSteps: [
        { upper: 0, change: -1 },
        { lower: 100, change: +1 },
        { lower: 1000, change: +3 },
      ],
      cooldown: Duration.minutes(2),
    });
    // --8<-- [end:scaling]

    // --8<-- [start:outputs]
    // What a deploy pipeline needs to run the migration task before it updates the services.
    new CfnOutput(this, 'ClusterName', { value: cluster.clusterName });
    new CfnOutput(this, 'MigrateTaskFamily', { value: NAMES.migrateFamily });
    new CfnOutput(this, 'TaskSubnets', { value: Fn.join(',', vpc.selectSubnets(taskSubnets).subnetIds) });
    new CfnOutput(this, 'BackgroundSecurityGroupId', { value: backgroundSg.securityGroupId });
    new CfnOutput(this, 'RepositoryUri', { value: repository.repositoryUri });
    new CfnOutput(this, 'LoadBalancerDns', { value: alb.loadBalancerDnsName });
    // --8<-- [end:outputs]

    // --8<-- [start:acknowledgements]
    // cdk-nag findings this design accepts, each with its reason. Anything else fails the synth.
    const acknowledge = (construct: Construct, id: string, reason: string) =>
      Validations.of(construct).acknowledge({ id, reason });
    acknowledge(albSg, 'AwsSolutions-EC23', 'The public entry point: 443 from anywhere, and 80 only to redirect to 443.');
    acknowledge(
      accessLogs,
      'AwsSolutions-S1',
      'This bucket receives the load balancer access logs; logging access to it would need yet another bucket.',
    );
    acknowledge(
      database,
      'AwsSolutions-RDS11',
      'A non-default port hides nothing from a scanner inside the VPC; the security group admits only the app tasks, and TLS plus the managed password protect the connection.',
    );
    for (const task of [apiTask, workerTask, migrateTask, pruneTask]) {
      acknowledge(
        task,
        'AwsSolutions-ECS2',
        'Only non-secret settings (NODE_ENV, PORT, DATABASE_SSL, PGHOST ...) are environment variables; every credential comes from Secrets Manager under secrets.',
      );
      acknowledge(
        task,
        'AwsSolutions-IAM5[Resource::*]',
        'ecr:GetAuthorizationToken has no resource-level permissions; every other statement of the execution role names its log group, repository or secret.',
      );
    }
    for (const secret of [cacheToken, redisUrl]) {
      acknowledge(
        secret,
        'AwsSolutions-SMG4',
        'An ElastiCache AUTH token is changed with ModifyReplicationGroup (ROTATE, then SET), which Secrets Manager rotation cannot do without a custom Lambda; the handbook describes the manual rotation.',
      );
    }
    // --8<-- [end:acknowledgements]
  }
}
