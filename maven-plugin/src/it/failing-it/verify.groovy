// The IT ran against both containers and failed; down and stop still removed everything up and start made.
def docker = evaluate(new File(itSources, 'docker-helpers.groovy'))
def log = new File(basedir, 'build.log').text
def artifactId = docker.artifactId(basedir)
try {
    assert log.contains('Tests run: 1, Failures: 1')
    assert log.contains('this test fails on purpose')
    assert log =~ /berth-maven-plugin:[^ ]+:down \(compose\)/
    assert log =~ /berth-maven-plugin:[^ ]+:stop \(single\)/
    assert log.contains("Volume ${artifactId}_data  Removed")
    assert log.contains("There are test failures")
    docker.assertNothingLeft(artifactId)
    docker.assertNoStartedContainer('dev.berth.it', artifactId)
} finally {
    docker.removeProjectImages(artifactId)
}
return true
