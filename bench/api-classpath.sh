# Sourced by the benchmarks (the api/benchmarks module's classes): builds it and what it needs offline in one reactor
# (tests compiled, not run; nothing installed into the local repository, which other checkouts share) and sets CP to
# private copies of the benchmark classes and this checkout's jars under $WORK, so that a concurrent build rewriting
# target/ cannot disturb the run. Needs WORK (a temporary directory).
# dependency:build-classpath runs for every module of the reactor; api/benchmarks, depending on the others, comes last
# and leaves its classpath in the file.
./mvnw -B -q -o -pl api/benchmarks -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/classpath.txt"
cp -r api/benchmarks/target/test-classes "$WORK/test-classes"
mkdir -p "$WORK/lib"
CP="$WORK/test-classes"
IFS=":" read -r -a ENTRIES < "$WORK/classpath.txt" || true  # no trailing newline: read returns 1
for entry in "${ENTRIES[@]}"; do
    case "$entry" in
        "$PWD"/*) if [ -d "$entry" ]; then cp -r "$entry" "$WORK/lib/$(basename "$(dirname "$(dirname "$entry")")")-classes";
                       entry="$WORK/lib/$(basename "$(dirname "$(dirname "$entry")")")-classes";
                   else cp "$entry" "$WORK/lib/"; entry="$WORK/lib/$(basename "$entry")"; fi ;;
        */org/supervisionhub/*) echo "bench: $entry comes from the local repository, not this checkout" >&2; exit 1 ;;
    esac
    CP="$CP:$entry"
done
