/// A small lab with two exercises, visible and hidden checks.
enum Fixture {
    static let source = """
        ---
        title: Fixture lab
        seed: 1
        ---
        # Fixture lab

        ```rnn
        data = [1, 2, 3]
        ```

        Write `double`.

        ```rnn exercise=double points=2
        def double(x):
            ### BEGIN SOLUTION Return twice x.
            return 2 * x
            ### END SOLUTION
        ```

        ```rnn check=double points=1
        assert double(2) == 4, "double(2) should be 4"
        ```

        ```rnn check=double points=1
        ### BEGIN HIDDEN TESTS
        assert double(-3) == -6, "negative numbers"
        ### END HIDDEN TESTS
        ```

        ```rnn exercise=total points=3
        ### BEGIN SOLUTION
        total = sum(data)
        ### END SOLUTION
        ```

        ```rnn check=total
        assert total == 6
        ```

        """
}
