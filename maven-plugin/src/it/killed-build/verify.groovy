// The second build removed the first one's leftovers (the orphan "stale" included) before starting, ran its IT on
// a fresh volume, and left nothing behind.
def docker = evaluate(new File(itSources, 'docker-helpers.groovy'))
def log = new File(basedir, 'build.log').text
def artifactId = docker.artifactId(basedir)
try {
    assert log.contains("Removed 2 container(s) of ${artifactId} that an earlier build left")
    assert log.contains("Removing ${artifactId}-solo, left by an earlier build")
    assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
    docker.assertNothingLeft(artifactId)
    docker.assertNoStartedContainer('dev.berth.it', artifactId)
} finally {
    docker.removeProjectImages(artifactId)
}
return true
