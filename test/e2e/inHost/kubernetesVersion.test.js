const { EXPECTED, open, setKubernetesVersion, waitForFindings } = require('./helpers');

suite('shipshape.kubernetesVersion', () => {
  teardown(() => setKubernetesVersion(undefined));

  test('batch/v1beta1 CronJob: an error at 1.35 (default), a warning at 1.23, an error again at 1.35', async () => {
    const document = await open('cronjob.yaml');
    await waitForFindings(document.uri, EXPECTED['cronjob.yaml@1.35']);
    await setKubernetesVersion('1.23');
    await waitForFindings(document.uri, EXPECTED['cronjob.yaml@1.23']);
    await setKubernetesVersion('1.35');
    await waitForFindings(document.uri, EXPECTED['cronjob.yaml@1.35']);
  });
});
