// The build passed: the image was built with the project's coordinates, the Compose project came up around the
// Failsafe test (which read the published ports), went down, and the image reached the local registry.
def docker = evaluate(new File(itSources, 'docker-helpers.groovy'))
def log = new File(basedir, 'build.log').text
def artifactId = docker.artifactId(basedir)
def registry = '127.0.0.1:5000'
try {
    assert log.contains('berth.web.80 = ')
    assert log.contains('berth.api.8080 = ')
    assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
    def labels = docker.run(['image', 'inspect', '--format', '{{json .Config.Labels}}', "${artifactId}:1.0.0"])
    assert labels.contains('"org.opencontainers.image.version":"1.0.0"')
    // the build's artifact: Berth-managed, but not tied to the Maven session that built it (so the cache covers it)
    assert labels.contains('"dev.berth.managed":"true"')
    assert !labels.contains('dev.berth.session')
    assert labels.contains('"org.opencontainers.image.description":"A shop front served by busybox httpd"')
    // --target web: the later "debug" stage was not built into the image
    assert docker.run(['image', 'inspect', '--format', '{{json .Config.Cmd}}', "${artifactId}:latest"]).contains('httpd')
    def tags = docker.registryTags(registry, artifactId)
    assert tags.contains('"1.0.0"') && tags.contains('"latest"'): tags
    docker.assertNothingLeft(artifactId)
} finally {
    ['1.0.0', 'latest'].each { docker.deleteFromRegistry(registry, artifactId, it) }
    docker.removeProjectImages(artifactId)
}
return true
