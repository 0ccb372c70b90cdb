# Sourced by the benchmarks that run api test classes: builds schema, graph-model and api offline (tests compiled,
# not run) and sets CP to private copies of the api classes and this project's jars under $WORK, so that a concurrent
# build rewriting target/ or the local repository cannot disturb the run. Needs WORK (a temporary directory).
./mvnw -B -q -o -pl api -am -DskipTests install
./mvnw -B -q -o -pl api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
cp -r api/target/classes "$WORK/classes"
cp -r api/target/test-classes "$WORK/test-classes"
mkdir -p "$WORK/lib"
CP="$WORK/test-classes:$WORK/classes"
IFS=":" read -r -a ENTRIES < "$WORK/classpath.txt" || true  # no trailing newline: read returns 1
for entry in "${ENTRIES[@]}"; do
    case "$entry" in
        */org/supervisionhub/*) cp "$entry" "$WORK/lib/"; entry="$WORK/lib/$(basename "$entry")" ;;
    esac
    CP="$CP:$entry"
done
