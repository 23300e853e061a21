# The two commands of README.md: `make demo` and `make test`. Everything else is a step of them.
.PHONY: deps build build-debug demo test unit-test integration-test browser-test lint bench clean

JOBS ?= $(shell nproc)
BUILD_TYPE ?= Release

deps:
	@bash tools/install-deps.sh

# Ninja for a new build directory (tools/install-deps.sh installs it): it keeps both cores busy
# across targets. A build directory made earlier keeps its generator, which CMake cannot change.
GENERATOR = $(if $(wildcard build/release/CMakeCache.txt),,-G Ninja)

build: deps
	cmake -S . -B build/release $(GENERATOR) -DCMAKE_BUILD_TYPE=Release -DXASO_BUILD_TESTS=ON
	cmake --build build/release -j$(JOBS)

demo: build
	@mkdir -p var
	@rm -f var/demo.db var/demo.db-wal var/demo.db-shm
	build/release/xaso migrate --db sqlite:var/demo.db
	build/release/xaso demo --db sqlite:var/demo.db
	@echo "Serving Nhật Tân on http://127.0.0.1:8080 (Ctrl-C to stop)"
	build/release/xaso serve --db sqlite:var/demo.db --listen 127.0.0.1:8080

# Unit and storage tests on SQLite and on a private PostgreSQL server, the HTTP integration
# tests against the real binary on both databases, then the browser test. clang-tidy runs
# beside them at the lowest CPU priority (tools/tidy.sh --background): the tests leave a core
# idle most of the time, and tidy alone took 8 of CI's 20 minutes.
test: build
	bash tools/check_layers.sh
	bash tools/format.sh --check
	build/release/xaso check-config --config config/xaso.example.toml
	bash tools/tidy.sh --background build/tidy.log
	bash tools/with_postgres.sh bash tools/run_tests.sh
	bash tools/tidy.sh --wait build/tidy.log

# Layers, formatting and the curated clang-tidy checks (warnings are errors).
lint: build
	bash tools/check_layers.sh
	bash tools/format.sh --check
	bash tools/tidy.sh

# The performance targets of docs/performance.md (bench/README.md).
bench: build
	build/release/bench/plan_bench
	build/release/bench/feedback_bench
	build/release/bench/onestop_bench
	build/release/bench/papi_bench
	build/release/bench/survey_bench
	build/release/bench/disclosure_bench
	build/release/bench/disclosure_storage_bench
	build/release/bench/disclosure_pages_bench
	bash bench/home_vs_nginx.sh

clean:
	rm -rf build
