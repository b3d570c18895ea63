// The CDK app: `npx cdk synth` (deploy/aws/cdk.json), or create.sh, update.sh, destroy.sh.
// Settings come from CDK context (-c compute=lambda); deploy/aws/lib/settings.ts lists them.
import { App } from 'aws-cdk-lib';
import { StarlingStack } from '../lib/stack.js';
import { settingsFrom } from '../lib/settings.js';

const app = new App();
const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'Starling';
new StarlingStack(app, stackName, {
  stackName,
  // STARLING_IMAGE: a published image for the containers (CI's deploy job sets it).
  settings: settingsFrom(app.node, process.env),
  // The account and region of the credentials in use (AWS_PROFILE, AWS_REGION, …); none in the repository.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'Starling, a cloud-native microblog (deploy/aws)',
});
app.synth();
