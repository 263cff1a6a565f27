// The consumer built against the installed BOM and artifacts only (no dev.berth SNAPSHOT from anywhere else), and its
// tests ran one container and one Compose project.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
def jars = new File(localRepositoryPath, 'dev/berth')
['berth-bom', 'berth-core', 'berth-compose'].each { assert new File(jars, it).isDirectory(): "${it} was not installed" }
return true
