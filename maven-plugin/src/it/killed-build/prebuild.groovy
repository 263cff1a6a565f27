def docker = evaluate(new File(itSources, 'docker-helpers.groovy'))
docker.copyBusybox(basedir)
return true
