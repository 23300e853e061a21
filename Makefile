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

# The layer and format checks, then unit and storage tests on SQLite and on a private
# PostgreSQL server, the HTTP integration tests against the real binary on both databases and
# the browser test. clang-tidy is `make lint`: it needs about 22 CPU-minutes on its own, twice
# what the tests need, so CI (.ci/run) runs it beside them rather than inside this target.
test: build
	bash tools/check_layers.sh
	bash tools/format.sh --check
	build/release/xaso check-config --config config/xaso.example.toml
	bash tools/with_postgres.sh bash tools/run_tests.sh

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
