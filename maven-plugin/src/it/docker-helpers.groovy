// Helpers the invoker projects' scripts share (loaded with evaluate): the docker CLI, the local registry, and the
// checks that nothing of a Compose project or a started container is left on the engine.
import java.nio.file.Files
import java.nio.file.Paths
import java.nio.file.StandardCopyOption

class Docker {
    /** Runs the docker CLI; fails with its stderr unless it exits 0; returns stdout, trimmed. */
    static String run(List<String> args) {
        def p = (['docker'] + args).execute()
        def out = new StringBuilder(), err = new StringBuilder()
        p.waitForProcessOutput(out, err)
        assert p.exitValue() == 0: "docker ${args.join(' ')} failed: ${err}"
        return out.toString().trim()
    }

    /** The images are built FROM scratch with the host's static busybox in the context. */
    static void copyBusybox(File basedir) {
        Files.copy(Paths.get('/bin/busybox'), new File(basedir, 'busybox').toPath(), StandardCopyOption.REPLACE_EXISTING)
    }

    /** The artifactId the invoker filtered into the project's POM (it carries this run's unique suffix). */
    static String artifactId(File basedir) {
        (new File(basedir, 'pom.xml').text =~ /<artifactId>([a-z]+-[0-9]+)<\/artifactId>/)[0][1]
    }

    /** Fails if any container, network or volume of the Compose project is left. */
    static void assertNothingLeft(String project) {
        ['ps -aq', 'network ls -q', 'volume ls -q'].each { cmd ->
            def left = run(cmd.split(' ').toList() + ['--filter', "label=com.docker.compose.project=${project}"])
            assert left == '': "docker ${cmd} still lists resources of ${project}: ${left}"
        }
    }

    /** Fails if a container the start goal ran for this project is left. */
    static void assertNoStartedContainer(String groupId, String artifactId) {
        def left = run(['ps', '-aq', '--filter', "label=berth.maven.project=${groupId}:${artifactId}"])
        assert left == '': "containers started by berth:start are left: ${left}"
    }

    /** The tags the local registry holds for a repository. */
    static String registryTags(String registry, String repository) {
        new URL("http://${registry}/v2/${repository}/tags/list").text
    }

    /** Deletes a tag's manifest from the local registry (deletion is enabled there). */
    static void deleteFromRegistry(String registry, String repository, String tag) {
        def head = (HttpURLConnection) new URL("http://${registry}/v2/${repository}/manifests/${tag}").openConnection()
        head.requestMethod = 'HEAD'
        head.setRequestProperty('Accept', 'application/vnd.docker.distribution.manifest.v2+json')
        def digest = head.getHeaderField('Docker-Content-Digest')
        if (head.responseCode != 200 || digest == null) {
            return
        }
        def delete = (HttpURLConnection) new URL("http://${registry}/v2/${repository}/manifests/${digest}").openConnection()
        delete.requestMethod = 'DELETE'
        assert delete.responseCode == 202: "registry refused to delete ${repository}@${digest}: ${delete.responseCode}"
    }

    /**
     * Removes every image the build goal made for the project (all tags, and the untagged ones a rebuild replaced),
     * found by the OCI title label the goal sets to the artifactId.
     */
    static void removeProjectImages(String artifactId) {
        def ids = run(['images', '-q', '--filter', "label=org.opencontainers.image.title=${artifactId}"]).readLines().unique()
        if (ids) {
            run(['rmi', '-f'] + ids)
        }
    }

    /** Removes local images by reference, ignoring those that are not there. */
    static void removeImages(List<String> references) {
        def present = references.findAll { ref -> ['docker', 'image', 'inspect', ref].execute().waitFor() == 0 }
        if (present) {
            run(['rmi', '-f'] + present)
        }
    }
}
return Docker
